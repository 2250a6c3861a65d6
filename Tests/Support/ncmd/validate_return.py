"""Checks a national return's folder: every case document against the JSON Schema, and every file the manifest
lists against its size and SHA-256. Prints one line per problem and exits 1 when there is any; otherwise prints
how many documents it validated."""

import hashlib
import json
import pathlib
import sys

from jsonschema import Draft202012Validator


def main(schema_path: str, folder_path: str) -> int:
    schema = json.loads(pathlib.Path(schema_path).read_text())
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    folder = pathlib.Path(folder_path)
    problems = []
    documents = sorted((folder / "cases").glob("*.json")) if (folder / "cases").is_dir() else []
    for document in documents:
        for error in validator.iter_errors(json.loads(document.read_text())):
            location = "/".join(str(part) for part in error.absolute_path)
            problems.append(f"{document.name}: {location or '(document)'}: {error.message}")
    manifest = json.loads((folder / "manifest.json").read_text())
    listed = {entry["path"] for entry in manifest["files"]}
    on_disk = {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()} - {"manifest.json"}
    if listed != on_disk:
        problems.append(f"manifest lists {sorted(listed ^ on_disk)} differently from the folder")
    for entry in manifest["files"]:
        data = (folder / entry["path"]).read_bytes()
        if len(data) != entry["bytes"] or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            problems.append(f"{entry['path']}: size or SHA-256 differs from the manifest")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"validated {len(documents)} case documents and {len(manifest['files'])} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
