"""A Debian root file system cut down to what one program needs at run time, and its packages as CycloneDX.

    debian_root.py prune ROOT PACKAGE... [--without=PACKAGE,...]
                                           keep PACKAGE and what it depends on, except the packages --without names
                                           (needed only to install: debconf, util-linux...); remove every other
                                           package's files
    debian_root.py sbom ROOT               the packages left, as CycloneDX 1.5 components (JSON on stdout)
    debian_root.py java-trust-store ROOT   rewrites the JDK's trust store (JKS) with every entry dated SOURCE_DATE_EPOCH
    debian_root.py difference FULL BASE OUT
                                           copies into OUT what FULL holds and BASE does not (or holds otherwise):
                                           a layer that turns BASE into FULL
    debian_root.py kustomize-component IMAGES_TSV DIR
                                           the kustomize component naming each built image by digest

mmdebstrap installs Debian's essential set (shells, dpkg, perl, coreutils...) because the packages' install
scripts need it. At run time the program needs only its dependency closure: nothing declares a dependency on
an essential package, so the closure leaves them out. A package's files come from dpkg's own lists; dpkg's
status keeps only the packages left, so a scanner reading the image sees what is really there.

Every path is resolved inside ROOT: an absolute symbolic link in the image never leads out of it.
"""
import hashlib
import base64
import filecmp
import glob
import json
import os
import re
import shutil
import stat
import struct
import sys

DPKG = "var/lib/dpkg"


def stanzas(root):
    with open(os.path.join(root, DPKG, "status"), encoding="utf-8") as status:
        text = status.read()
    return [block for block in text.split("\n\n") if block.strip()]


def field(block, name):
    match = re.search(r"^" + re.escape(name) + r": ?(.*(?:\n .*)*)", block, re.MULTILINE)
    return match.group(1).strip() if match else ""


def installed(root):
    packages = {}
    for block in stanzas(root):
        if field(block, "Status").endswith(" installed"):
            packages[field(block, "Package")] = block
    return packages


def closure(packages, wanted, without):
    provided = {}
    for name, block in packages.items():
        for entry in filter(None, (part.split("(")[0].strip() for part in field(block, "Provides").split(","))):
            provided.setdefault(entry, name)
    def resolve(candidate):
        candidate = candidate.split(":")[0]
        return candidate if candidate in packages else provided.get(candidate)
    kept, pending = set(), list(wanted)
    while pending:
        name = pending.pop()
        if name in kept or name in without:
            continue
        if name not in packages:
            sys.exit(f"debian_root: {name} is not installed in the root file system")
        kept.add(name)
        for relation in ("Pre-Depends", "Depends"):
            for group in filter(None, (part.strip() for part in field(packages[name], relation).split(","))):
                alternatives = [re.split(r"[\s(]", choice.strip())[0] for choice in group.split("|")]
                chosen = next(filter(None, map(resolve, alternatives)), None)
                if chosen is None and any(choice in without for choice in alternatives):
                    continue  # removed by an earlier prune of this root
                if chosen is None:
                    sys.exit(f"debian_root: {name} depends on {group}, which nothing installed satisfies")
                pending.append(chosen)
    return kept


def inside(root, path, follow_last=False):
    """path (absolute, as dpkg lists it) resolved inside root, following links but never out of root."""
    real_root = os.path.realpath(root)
    current = real_root
    parts = [part for part in path.split("/") if part not in ("", ".")]
    hops = 0
    while parts:
        part = parts.pop(0)
        if part == "..":
            current = os.path.dirname(current) if current != real_root else real_root
            continue
        candidate = os.path.join(current, part)
        if (parts or follow_last) and os.path.islink(candidate):
            hops += 1
            if hops > 40:
                raise OSError(f"too many links resolving {path}")
            target = os.readlink(candidate)
            parts = [p for p in target.split("/") if p not in ("", ".")] + parts
            current = real_root if target.startswith("/") else current
            continue
        current = candidate
    return current


def listed(root, name):
    for suffix in (".list", ":amd64.list", ":all.list"):
        path = os.path.join(root, DPKG, "info", name + suffix)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as lines:
                return [line.rstrip("\n") for line in lines if line.strip()]
    return []


def prune(root, wanted, without):
    packages = installed(root)
    kept = closure(packages, wanted, without)
    owned = {inside(root, path) for name in kept for path in listed(root, name)}
    directories = set()
    for name in sorted(set(packages) - kept):
        for path in listed(root, name):
            target = inside(root, path)
            if target in owned:
                continue
            if os.path.isdir(target) and not os.path.islink(target):
                directories.add(target)
            elif os.path.lexists(target):
                os.unlink(target)
        info = os.path.join(root, DPKG, "info")
        for entry in os.listdir(info):
            # <package>[:<arch>].<kind>; a package's own name may hold dots (libperl5.36).
            if entry.rsplit(".", 1)[0].split(":")[0] == name:
                os.unlink(os.path.join(info, entry))
    for directory in sorted(directories, key=len, reverse=True):
        if directory not in owned and not os.listdir(directory):
            os.rmdir(directory)
    remove_dangling_links(root)
    left = [block for block in stanzas(root) if field(block, "Package") in kept]
    with open(os.path.join(root, DPKG, "status"), "w", encoding="utf-8") as status:
        status.write("\n\n".join(left) + "\n")
    print(f"kept {len(kept)} of {len(packages)} packages: {' '.join(sorted(kept))}")


def remove_dangling_links(root):
    # Alternatives (awk, pager...) of removed packages: links to files that are gone.
    for directory in ("etc/alternatives", "usr/bin", "usr/sbin"):
        base = os.path.join(root, directory)
        for entry in sorted(os.listdir(base)) if os.path.isdir(base) else []:
            path = os.path.join(base, entry)
            if os.path.islink(path) and not os.path.exists(inside(root, f"/{directory}/{entry}", follow_last=True)):
                os.unlink(path)


def sbom(root):
    release = dict(line.split("=", 1) for line in open(inside(root, "/etc/os-release"), encoding="utf-8").read().split("\n") if "=" in line)
    distro = f"{release['ID']}-{release['VERSION_ID'].strip(chr(34))}"
    components = []
    for name, block in sorted(installed(root).items()):
        version, architecture = field(block, "Version"), field(block, "Architecture")
        component = {
            "type": "library",
            "bom-ref": f"pkg:deb/debian/{name}@{version}?arch={architecture}&distro={distro}",
            "name": name,
            "version": version,
            "purl": f"pkg:deb/debian/{name}@{version}?arch={architecture}&distro={distro}",
        }
        source = field(block, "Source")
        if source:
            component["properties"] = [{"name": "debian:source", "value": source}]
        components.append(component)
    json.dump(components, sys.stdout, indent=2)


def java_trust_store(root):
    """The JKS ca-certificates-java writes, from the same PEM files, but dated SOURCE_DATE_EPOCH instead of now."""
    date = int(os.environ["SOURCE_DATE_EPOCH"]) * 1000
    entries = []
    for pem in sorted(glob.glob(os.path.join(root, "etc/ssl/certs/*.pem"))):
        text = open(inside(root, "/etc/ssl/certs/" + os.path.basename(pem), follow_last=True), encoding="ascii").read()
        body = re.search(r"-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", text, re.DOTALL).group(1)
        entries.append(("debian:" + os.path.basename(pem).lower(), base64.b64decode("".join(body.split()))))
    def utf(text):
        data = text.encode("utf-8")
        return struct.pack(">H", len(data)) + data
    store = struct.pack(">III", 0xFEEDFEED, 2, len(entries))
    for alias, der in entries:
        store += struct.pack(">I", 2) + utf(alias) + struct.pack(">Q", date) + utf("X.509") + struct.pack(">I", len(der)) + der
    # The JKS integrity check: SHA-1 over the password (UTF-16BE), a fixed phrase and the entries.
    store += hashlib.sha1("changeit".encode("utf-16-be") + b"Mighty Aphrodite" + store).digest()
    target = inside(root, "/etc/ssl/certs/java/cacerts", follow_last=True)
    with open(target, "wb") as out:
        out.write(store)
    print(f"{len(entries)} certificates in {target}")


def difference(full, base, out):
    """What a layer over base must add to give full (nothing in full was removed from base: prune only removes)."""
    for directory, subdirectories, files in os.walk(full):
        relative = os.path.relpath(directory, full)
        for name in sorted(subdirectories + files):
            source = os.path.join(directory, name)
            other = os.path.join(base, relative, name)
            mode = os.lstat(source).st_mode
            # Directories come with their files; device nodes and pipes are never read (a layer needs none of them).
            if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
                continue
            same = os.path.lexists(other) and os.lstat(other).st_mode == mode and (
                os.readlink(source) == os.readlink(other) if stat.S_ISLNK(mode) else filecmp.cmp(source, other, shallow=False))
            if not same:
                target = os.path.join(out, relative, name)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copystat(directory, os.path.dirname(target), follow_symlinks=False)
                shutil.copy2(source, target, follow_symlinks=False)


def kustomize_component(images_tsv, directory):
    references = dict(line.rstrip("\n").split("\t") for line in open(images_tsv, encoding="utf-8") if line.strip())
    os.makedirs(directory, exist_ok=True)
    header = "# Written by the image build (images/build-images) from the images it built: do not edit.\n"
    lines = [header, "apiVersion: kustomize.config.k8s.io/v1alpha1\n", "kind: Component\n", "images:\n"]
    for name in ("verifier-service", "labeler-service", "trainer-service", "router-service"):
        new_name, digest = references[name].split("@")
        lines += [f"  - name: complexitynet/{name}\n", f"    newName: {new_name}\n", f"    digest: {digest}\n"]
    lines += ["patches:\n", "  - path: sandbox-image.yaml\n"]
    with open(os.path.join(directory, "kustomization.yaml"), "w", encoding="utf-8") as out:
        out.writelines(lines)
    with open(os.path.join(directory, "sandbox-image.yaml"), "w", encoding="utf-8") as out:
        out.write(header + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sandbox-image\n  namespace: complexitynet\n"
                  + f"data:\n  image: {references['verifier-sandbox']}\n")


if __name__ == "__main__":
    command, root, *rest = sys.argv[1:]
    if command == "prune":
        without = {name for arg in rest if arg.startswith("--without=") for name in arg[len("--without="):].split(",") if name}
        prune(root, [arg for arg in rest if not arg.startswith("--")], without)
    elif command == "sbom":
        sbom(root)
    elif command == "java-trust-store":
        java_trust_store(root)
    elif command == "difference":
        difference(root, rest[0], rest[1])
    elif command == "kustomize-component":
        kustomize_component(root, rest[0])
    else:
        sys.exit(f"debian_root: unknown command {command}")
