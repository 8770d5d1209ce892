"""``python -m chat.simulate`` is now ``python -m lab.simulate``;
this name still runs it, forwarding every argument."""

import runpy

if __name__ == "__main__":
    runpy.run_module("lab.simulate", run_name="__main__", alter_sys=True)
