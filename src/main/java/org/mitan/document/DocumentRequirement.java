package org.mitan.document;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the citizen must produce for one line of the checklist: a single document, or a "one of" group of
 * alternatives of which any one will do. A group is mandatory when any of its rows says so.
 */
public record DocumentRequirement(List<RequiredDocument> alternatives) {

    public DocumentRequirement {
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("A requirement needs at least one document");
        }
        alternatives = List.copyOf(alternatives);
    }

    public boolean mandatory() {
        return alternatives.stream().anyMatch(RequiredDocument::mandatory);
    }

    public boolean isChoice() {
        return alternatives.size() > 1;
    }

    /** Met when a document of this type, or of any alternative of the group, is uploaded. */
    public boolean metBy(Collection<String> uploadedTypes) {
        return alternatives.stream().anyMatch(document -> uploadedTypes.contains(document.documentType()));
    }

    /** "Birth report", or "Voter ID or Ration card" for a group. */
    public String label() {
        return alternatives.stream().map(RequiredDocument::label).collect(Collectors.joining(" or "));
    }
}
