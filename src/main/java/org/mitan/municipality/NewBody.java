package org.mitan.municipality;

/**
 * An urban body to add, as the administrator sends it. Everything is text as received, so that every bad field
 * can be named at once by {@link UrbanBodyAdministration}.
 *
 * @param code            2 to 16 capital letters or digits, e.g. {@code BSP}; the prefix of request numbers
 * @param nameEn          name in English
 * @param nameHi          name in Hindi
 * @param district        district the body lies in
 * @param kind            MUNICIPAL_CORPORATION, MUNICIPAL_COUNCIL or NAGAR_PANCHAYAT
 * @param wards           number of wards, 1 to 200; wards are numbered from 1
 * @param supervisorPhone Indian mobile number of the supervisor who gets the overdue alerts (optional)
 */
record NewBody(String code, String nameEn, String nameHi, String district, String kind, String wards,
        String supervisorPhone) {
}
