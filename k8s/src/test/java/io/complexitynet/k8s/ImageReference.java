package io.complexitynet.k8s;

/** A container image as {@code name[:tag][@digest]}, the parts kustomize's images field rewrites. */
record ImageReference(String name, String tag, String digest) {

    static ImageReference parse(String image) {
        String rest = image;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        // A colon after the last slash starts the tag; one before it belongs to a registry's port.
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            return new ImageReference(rest.substring(0, colon), rest.substring(colon + 1), digest);
        }
        return new ImageReference(rest, null, digest);
    }

    ImageReference with(String newName, String newTag, String newDigest) {
        if (newDigest != null) {
            return new ImageReference(newName == null ? name : newName, null, newDigest);
        }
        return new ImageReference(newName == null ? name : newName, newTag == null ? tag : newTag, digest);
    }

    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
