"""Check the installed, pinned dependencies for known vulnerabilities (``make audit``).

Runs pip-audit and reads its JSON report. Exit status:
  0  every package was checked and none has a known vulnerability;
  1  a package has a known vulnerability (listed);
  2  no package could be checked, because the vulnerability data (PyPI's JSON
     API) is unreachable from this machine -- reported loudly, not as a pass.
With ``--allow-unreachable`` the last case exits 0 after saying so, for build
machines that reach a package mirror but not PyPI's API; a partial check (some
packages checked, some not) always fails, since it may hide a vulnerability.
"""

import json
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def main(argv):
    allow_unreachable = "--allow-unreachable" in argv
    result = subprocess.run(
        [
            str(BIN / "pip-audit"),
            "--skip-editable",
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stderr or result.stdout, file=sys.stderr)
        print("pip-audit gave no report; see its output above.", file=sys.stderr)
        return 2
    packages = report["dependencies"]
    vulnerable = [p for p in packages if p.get("vulns")]
    unchecked = [p for p in packages if p.get("skip_reason")]
    for package in vulnerable:
        ids = ", ".join(v["id"] for v in package["vulns"])
        print(f"VULNERABLE {package['name']} {package.get('version', '')}: {ids}")
    if vulnerable:
        return 1
    if unchecked and len(unchecked) == len(packages):
        print(
            f"AUDIT NOT PERFORMED: none of the {len(packages)} packages could be checked "
            f"({unchecked[0]['skip_reason']}). The vulnerability data is unreachable "
            "from this machine; run `make audit` where PyPI's JSON API answers."
        )
        return 0 if allow_unreachable else 2
    if unchecked:
        for package in unchecked:
            print(f"UNCHECKED {package['name']}: {package['skip_reason']}")
        return 2
    print(f"No known vulnerabilities in {len(packages)} packages.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
