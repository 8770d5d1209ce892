"""``python -m chat.tune_rule`` is now ``python -m lab.tune``;
this name still runs it, forwarding every argument."""

import runpy

if __name__ == "__main__":
    runpy.run_module("lab.tune", run_name="__main__", alter_sys=True)
