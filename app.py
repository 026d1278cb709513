"""Entry point: `streamlit run app.py` serves the explorer (the page is in web/page.py, its server in web/serving.py)."""

import streamlit as st
from starlette.middleware import Middleware

from web.page import main
from web.serving import ExplorerMiddleware

# Started by `streamlit run` (or uvicorn), this file is the server: Streamlit's own, with the project's headers
# and loading notice. Run by Streamlit for each visit, it is the page.
app = st.App(__file__, middleware=[Middleware(ExplorerMiddleware)])

if __name__ == "__main__":
    main()
