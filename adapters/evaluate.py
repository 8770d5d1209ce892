"""``python -m adapters.evaluate`` is now ``python -m lab.evaluate_narrator``;
this name still runs it, forwarding every argument."""

import runpy

if __name__ == "__main__":
    runpy.run_module("lab.evaluate_narrator", run_name="__main__", alter_sys=True)
