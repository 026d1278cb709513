"""The Streamlit page, apart from the geo package (which never imports Streamlit)."""
