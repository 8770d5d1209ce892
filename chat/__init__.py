"""Dialogue engine, user simulator and policies. Never imports gradio (only app.py does)."""
