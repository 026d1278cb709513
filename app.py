"""Entry point: `streamlit run app.py` serves the explorer (the page itself is in web/)."""

from web.page import main

main()
