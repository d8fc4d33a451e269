package org.mitan.municipality;

import java.util.List;

import org.mitan.web.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The urban bodies the service runs in, with their ward counts: the call centre picks body and ward from them. */
@RestController
class UrbanBodyController {

    private final UrbanBodyRepository bodies;

    UrbanBodyController(UrbanBodyRepository bodies) {
        this.bodies = bodies;
    }

    @GetMapping("/api/bodies")
    List<BodyView> activeBodies() {
        Caller.current();
        return bodies.findByActiveTrueOrderByCode().stream()
                .map(body -> new BodyView(body.getCode(), body.getNameEn(), body.getNameHi(), body.getDistrict(),
                        body.getKind(), body.getWards()))
                .toList();
    }

    record BodyView(String code, String nameEn, String nameHi, String district, BodyKind kind, int wards) {
    }
}
