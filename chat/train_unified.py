"""``python -m chat.train_unified`` is now ``python -m lab.train_unified``;
this name still runs it, forwarding every argument."""

import runpy

if __name__ == "__main__":
    runpy.run_module("lab.train_unified", run_name="__main__", alter_sys=True)
