// Copy npm-installed Leaflet into static/vendor/ so Streamlit serves it at /app/static/vendor/.
// Runs after `npm ci`; static/vendor/ is ignored by git: third-party files are installed, never committed.
import { cpSync, existsSync, rmSync } from "node:fs";

// Leaflet for the app; jQuery (a dev dependency) only for the benchmark's folium-default baseline.
for (const [pkg, dist] of [["leaflet", "dist/"], ["jquery", "dist/"]]) {
  const from = new URL(`../node_modules/${pkg}/${dist}`, import.meta.url);
  const to = new URL(`../static/vendor/${pkg}/`, import.meta.url);
  if (!existsSync(from)) continue;
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  console.log(`vendored ${pkg} into static/vendor/${pkg}`);
}
