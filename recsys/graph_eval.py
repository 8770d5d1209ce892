"""``python -m recsys.graph_eval`` is now ``python -m lab.evaluate_graph``;
this name still runs it, forwarding every argument."""

import runpy

if __name__ == "__main__":
    runpy.run_module("lab.evaluate_graph", run_name="__main__", alter_sys=True)
