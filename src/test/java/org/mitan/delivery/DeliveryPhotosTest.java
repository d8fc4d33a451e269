package org.mitan.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.document.DocumentStore;
import org.mitan.failure.Refusal;
import org.mitan.mitan.MitanHandover;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.web.Caller;
import org.springframework.test.util.ReflectionTestUtils;

/** Who may add the photo of the hand-over. */
class DeliveryPhotosTest {

    private static final Instant NOW = Instant.parse("2026-05-03T10:00:00Z");
    private static final String NUMBER = "RPR-2026-000042";
    private static final Caller MITAN = new Caller("mitan.raipur", Set.of("mitan-RPR"));

    private final ServiceRequestRepository requests = mock(ServiceRequestRepository.class);
    private final DeliveryRepository deliveries = mock(DeliveryRepository.class);
    private final DeliveryPhotoRepository photoRows = mock(DeliveryPhotoRepository.class);
    private final DocumentStore store = mock(DocumentStore.class);
    private final MitanHandover handover = mock(MitanHandover.class);
    private final DeliveryPhotos photos = new DeliveryPhotos(requests, deliveries, photoRows, store,
            Clock.fixed(NOW, ZoneOffset.UTC), handover, mock(RequestAccess.class));

    @BeforeEach
    void outForDeliveryWithMitanRaipur() {
        ServiceRequest request = new ServiceRequest(NUMBER, "birth-certificate", "RPR", 12, "Ramesh Verma",
                "9876543210", "Ward 12, Raipur", VisitWindow.MORNING, "hi", "fb1", NOW);
        ReflectionTestUtils.setField(request, "id", 42L);
        when(requests.lockByRequestNumber(NUMBER)).thenReturn(Optional.of(request));
        when(deliveries.findByRequestId(42L)).thenReturn(Optional.of(new Delivery(42L, "mitan.raipur", "hash", NOW)));
        when(photoRows.findByRequestIdAndIdempotencyKey(any(), anyString())).thenReturn(Optional.empty());
        when(photoRows.save(any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void theDeliveringMitanAddsThePhoto() throws IOException {
        DeliveryPhotos.Added added = photos.add(NUMBER, jpeg(), "photo-key-0001", MITAN);

        assertThat(added.created()).isTrue();
        assertThat(added.photo().getUploadedBy()).isEqualTo("mitan.raipur");
    }

    /**
     * A Mitan deactivated while out for delivery no longer acts for the request (no scans, fees, OTPs or tasks), and
     * adds no photo of a hand-over either: the request waits for a supervisor to give it to another Mitan.
     */
    @Test
    void aDeactivatedMitanAddsNoPhotoAndNothingIsStored() throws IOException {
        when(handover.isDeactivatedMitan("mitan.raipur")).thenReturn(true);

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> photos.add(NUMBER, jpeg(), "photo-key-0002", MITAN));

        assertThat(refusal).isNotNull();
        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.NOT_ALLOWED);
        assertThat(refusal.getMessage()).endsWith(" / सौंपते समय की फ़ोटो केवल वितरण करने वाले मितान जोड़ सकते हैं।");
        verify(store, never()).put(anyString(), any(), anyString());
        verify(photoRows, never()).save(any());
    }

    /** What the Mitan reads on the field page when a photo is refused: English, then " / " and the Hindi. */
    @Test
    void aPhotoThatIsNoJpegOrPngOrDoesNotDecodeIsRefusedInEnglishAndHindi() throws IOException {
        byte[] jpeg = jpeg();
        Refusal gif = catchThrowableOfType(Refusal.class,
                () -> photos.add(NUMBER, "GIF89a a moving picture".getBytes(), "photo-key-0003", MITAN));
        Refusal cut = catchThrowableOfType(Refusal.class,
                () -> photos.add(NUMBER, Arrays.copyOf(jpeg, jpeg.length / 2), "photo-key-0004", MITAN));

        assertThat(gif.getKind()).isEqualTo(Refusal.Kind.UNSUPPORTED_TYPE);
        assertThat(gif.getMessage()).startsWith("The photo is not a JPEG or PNG photo")
                .endsWith(". Take the photo again. / यह फ़ोटो JPEG या PNG नहीं है: फिर से फ़ोटो लें।");
        assertThat(cut.getKind()).isEqualTo(Refusal.Kind.UNACCEPTABLE);
        assertThat(cut.getMessage()).endsWith("Nothing was stored; take the photo again. / फ़ोटो खुल नहीं सकी; कुछ जमा"
                + " नहीं हुआ। फिर से फ़ोटो लें।");
        verify(store, never()).put(anyString(), any(), anyString());
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }
}
