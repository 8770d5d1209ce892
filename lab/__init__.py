"""The research lab: the simulated users, the conversational metrics, and every command that
trains, tunes or evaluates (``python -m lab.simulate``, ``lab.tune``, ``lab.train_unified``,
``lab.evaluate_*``, ``lab.promote``, ``lab.report``).

It may import any project package; nothing in the product imports it. Runs write under
``out/`` only; ``python -m lab.promote`` is the one step that changes what ships in ``configs/``.
"""
