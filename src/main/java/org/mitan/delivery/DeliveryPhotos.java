package org.mitan.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.mitan.document.DocumentStore;
import org.mitan.document.Photos;
import org.mitan.document.Sha256;
import org.mitan.failure.Refusal;
import org.mitan.mitan.MitanHandover;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.web.Caller;
import org.mitan.web.IdempotencyKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Mitan's photo of the hand-over. Only the Mitan who delivers the request may add one, once the delivery is
 * arranged; every photo comes with an {@code Idempotency-Key} (the field page's queue makes one per photo), and the
 * same key again gives the first answer back, so a photo sent twice over a bad network is stored once.
 */
@Service
class DeliveryPhotos {

    private final ServiceRequestRepository requests;
    private final DeliveryRepository deliveries;
    private final DeliveryPhotoRepository photos;
    private final DocumentStore store;
    private final Clock clock;
    private final MitanHandover handover;
    private final RequestAccess access;

    DeliveryPhotos(ServiceRequestRepository requests, DeliveryRepository deliveries, DeliveryPhotoRepository photos,
            DocumentStore store, Clock clock, MitanHandover handover, RequestAccess access) {
        this.requests = requests;
        this.deliveries = deliveries;
        this.photos = photos;
        this.store = store;
        this.clock = clock;
        this.handover = handover;
        this.access = access;
    }

    record Added(DeliveryPhoto photo, boolean created) {
    }

    @Transactional
    Added add(String requestNumber, byte[] content, String idempotencyKey, Caller caller) {
        ServiceRequest request = requests.lockByRequestNumber(requestNumber)
                .orElseThrow(() -> Requests.notFound(requestNumber));
        access.checkMayKnowOf(caller, request);
        Delivery delivery = deliveries.findByRequestId(request.getId())
                .orElseThrow(() -> Deliveries.notArranged(requestNumber));
        // a deactivated Mitan acts for none of their requests (scans, fees, OTPs, tasks) until a supervisor hands
        // the delivery to another Mitan, who then becomes the delivery's Mitan
        if (!caller.userId().equals(delivery.getMitanUserId()) || handover.isDeactivatedMitan(caller.userId())) {
            throw Refusal.notAllowed("Only the Mitan delivering request " + requestNumber
                    + " can add the photo of the hand-over. / सौंपते समय की फ़ोटो केवल वितरण करने वाले मितान जोड़"
                    + " सकते हैं।");
        }
        IdempotencyKeys.check(idempotencyKey);
        String sha256 = content == null ? "" : Sha256.hex(content);
        var earlier = photos.findByRequestIdAndIdempotencyKey(request.getId(), idempotencyKey);
        if (earlier.isPresent()) {
            if (!earlier.get().getSha256().equals(sha256)) {
                throw new Refusal(Refusal.Kind.UNACCEPTABLE, "Idempotency key already used",
                        "The Idempotency-Key " + idempotencyKey + " was used for another photo. Send a new key with"
                                + " a new photo; nothing was stored. / " + IdempotencyKeys.USED_FOR_ANOTHER_FILE,
                        Map.of("field", IdempotencyKeys.HEADER));
            }
            return new Added(earlier.get(), false);
        }
        Photos.Checked checked = Photos.check(content);
        if (checked.contentType() == null) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "Unsupported file type", "The photo "
                    + checked.problem() + ". Take the photo again. / यह फ़ोटो JPEG या PNG नहीं है: फिर से फ़ोटो लें।",
                    Map.of("field", "file"));
        }
        if (checked.problem() != null) {
            throw new Refusal(Refusal.Kind.UNACCEPTABLE, "Photo refused", "The photo " + checked.problem()
                    + ". Nothing was stored; take the photo again. / फ़ोटो खुल नहीं सकी; कुछ जमा नहीं हुआ। फिर से"
                    + " फ़ोटो लें।", Map.of("field", "file"));
        }
        String objectKey = "deliveries/" + requestNumber + "/" + sha256;
        store.put(objectKey, content, checked.contentType());
        DeliveryPhoto photo = photos.save(new DeliveryPhoto(request.getId(), objectKey, sha256, content.length,
                checked.contentType(), caller.userId(), Instant.now(clock), idempotencyKey));
        return new Added(photo, true);
    }
}
