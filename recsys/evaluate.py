"""``python -m recsys.evaluate`` is now ``python -m lab.evaluate_cf``;
this name still runs it, forwarding every argument."""

import runpy

if __name__ == "__main__":
    runpy.run_module("lab.evaluate_cf", run_name="__main__", alter_sys=True)
