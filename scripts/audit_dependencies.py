"""Check the locked production dependencies for known vulnerabilities (pip-audit).

Asks PyPI's vulnerability data first, then OSV's. Fails (exit 1) when a vulnerability is
known for a locked version. Where neither service can be reached (a machine without the
internet), it says plainly that nothing was checked and exits 0, so that CI on such a
machine is not blocked, and not fooled either: the summary line starts with NOT CHECKED.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
UV = ROOT / ".tools" / "bin" / "uv"


def locked_requirements(folder: Path) -> Path:
    path = folder / "requirements.txt"
    exported = subprocess.run(
        [
            UV,
            "export",
            "--frozen",
            "--no-dev",
            "--no-emit-project",
            "--format",
            "requirements-txt",
            "--no-hashes",
            "--output-file",
            path,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if exported.returncode != 0:
        sys.exit(f"uv export failed:\n{exported.stderr}")
    return path


def audit(requirements: Path, service: str) -> dict | None:
    """pip-audit's JSON report, or None when the service could not be asked at all."""
    result = subprocess.run(
        [
            BIN / "pip-audit",
            "--requirement",
            requirements,
            "--no-deps",
            "--disable-pip",
            "--vulnerability-service",
            service,
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        requirements = locked_requirements(Path(folder))
        for service in ("pypi", "osv"):
            report = audit(requirements, service)
            if report is None:
                continue
            dependencies = report.get("dependencies", [])
            checked = [d for d in dependencies if "skip_reason" not in d]
            if not checked:
                continue
            vulnerable = [d for d in checked if d.get("vulns")]
            for dependency in vulnerable:
                for vulnerability in dependency["vulns"]:
                    fixes = ", ".join(vulnerability.get("fix_versions", [])) or "no fix yet"
                    print(
                        f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
                        f"(fixed in {fixes})"
                    )
            skipped = len(dependencies) - len(checked)
            print(
                f"Dependency audit ({service}): {len(checked)} of {len(dependencies)} locked "
                f"packages checked, {len(vulnerable)} with known vulnerabilities"
                + (f", {skipped} not found in the vulnerability data" if skipped else "")
                + "."
            )
            return 1 if vulnerable else 0
    print(
        "NOT CHECKED: dependency audit. Neither PyPI's nor OSV's vulnerability data could be "
        "reached from this machine, so no package was checked. Run "
        "`.venv/bin/python scripts/audit_dependencies.py` where the internet is reachable."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
