package org.mitan.mitan;

import java.util.List;

/**
 * A Mitan as administrators and supervisors see it.
 *
 * @param openRequests requests assigned to the Mitan that are not yet delivered, rejected or closed
 */
record MitanView(String userId, String name, String phone, String bodyCode, List<Integer> wards, boolean active,
        long openRequests) {

    static MitanView of(Mitan mitan, long openRequests) {
        return new MitanView(mitan.getUserId(), mitan.getName(), mitan.getPhone(), mitan.getBodyCode(),
                mitan.getWards().stream().sorted().toList(), mitan.isActive(), openRequests);
    }
}
