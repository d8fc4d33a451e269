package org.mitan.request;

import java.util.EnumSet;
import java.util.Set;

/** Where a citizen's request stands, as told to the citizen and the call centre. */
public enum RequestStatus {
    REGISTERED,
    MITAN_ASSIGNED,
    DOCUMENTS_VERIFIED,
    UNDER_SCRUTINY,
    SUBMITTED,
    APPROVED,
    CERTIFICATE_ISSUED,
    OUT_FOR_DELIVERY,
    DELIVERED,
    REJECTED,
    CLOSED;

    public static final Set<RequestStatus> FINAL = EnumSet.of(DELIVERED, REJECTED, CLOSED);

    public boolean isOpen() {
        return !FINAL.contains(this);
    }
}
