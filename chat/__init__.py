"""The product's turn: events, parser, engine, memory, cards, narrator, service.

Never imports gradio (only app.py does) and never imports ``lab``."""
