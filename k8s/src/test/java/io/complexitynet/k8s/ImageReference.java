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

    /** As kustomize's images field: a new tag or digest replaces both the old tag and the old digest. */
    ImageReference with(String newName, String newTag, String newDigest) {
        String renamed = newName == null ? name : newName;
        if (newTag == null && newDigest == null) {
            return new ImageReference(renamed, tag, digest);
        }
        return new ImageReference(renamed, newTag, newDigest);
    }

    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
