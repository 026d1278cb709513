// Copy npm-installed Leaflet into static/vendor/ so Streamlit serves it at /app/static/vendor/.
// Runs after `npm ci`; static/vendor/ is ignored by git: third-party files are installed, never committed.
import { cpSync, rmSync } from "node:fs";

const from = new URL("../node_modules/leaflet/dist/", import.meta.url);
const to = new URL("../static/vendor/leaflet/", import.meta.url);
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
console.log("vendored leaflet into static/vendor/leaflet");
