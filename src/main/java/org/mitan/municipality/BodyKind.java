package org.mitan.municipality;

/** The three kinds of urban local body in Chhattisgarh. */
public enum BodyKind {
    MUNICIPAL_CORPORATION,
    MUNICIPAL_COUNCIL,
    NAGAR_PANCHAYAT
}
