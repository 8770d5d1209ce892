"""Dialogue policies: each turn, ask about an attribute or recommend.

``policy.state`` holds what a policy may read (``DialogueState``), ``policy.actions`` what it
may do; ``policy.registry`` names every policy behind one constructor. The simulator
(``lab``) and the chat engine (``chat``) run the same code. Imports only ``recsys``.
"""
