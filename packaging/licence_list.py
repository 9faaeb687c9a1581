"""Write the bundle's list of Python components and their licences (run before PyInstaller).

uv run python packaging/licence_list.py build/licences
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ui.licences import write_list

if __name__ == "__main__":
    written = write_list(Path(sys.argv[1] if len(sys.argv) > 1 else "build/licences"))
    print(f"{len(written.read_text(encoding='utf-8').splitlines())} komponen: {written}")
