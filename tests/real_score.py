#!/usr/bin/env python3
"""Extract one set of real, labelled minutes (tests/real) and score it against its golden files.

  real_score.py REFERAT SET_DIR MIN_OVERALL

SET_DIR holds golden/<name>.json and the input of the same name (raw/<name>.txt, or
<name>.pdf/.html beside golden/). A file referat refuses scores 0 on everything, as in
shared/eval/score_sets.py. Fails when the overall score is below MIN_OVERALL: the floor only rises.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORE = HERE / "golden" / "score.py"


def main(referat, set_dir, floor):
    set_dir = Path(set_dir)
    with tempfile.TemporaryDirectory() as d:
        pred = Path(d)
        for gold in sorted((set_dir / "golden").glob("*.json")):
            inputs = [p for folder in (set_dir / "raw", set_dir) if folder.is_dir()
                      for p in folder.glob(gold.stem + ".*") if p.suffix in (".txt", ".pdf", ".html", ".htm")]
            if not inputs:
                sys.exit(f"{gold.name}: no input file")
            r = subprocess.run([referat, "extract", str(inputs[0])], capture_output=True, timeout=600)
            if r.returncode == 0:
                (pred / gold.name).write_bytes(r.stdout)
            else:
                print(f"refused: {r.stderr.decode(errors='replace').strip()}")
        result = json.loads(subprocess.run(["python3", str(SCORE), str(set_dir / "golden"), str(pred), "--json"],
                                           capture_output=True, text=True, check=True).stdout)
    for field, value in sorted(result["fields"].items(), key=lambda kv: kv[1])[:5]:
        print(f"  {field:28s} {value:.3f}")
    print(f"{set_dir.name}: overall {result['overall']:.4f} (floor {floor})")
    return 0 if result["overall"] >= float(floor) else 1


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
