package org.mitan.field;

import org.mitan.web.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The field page's own read ({@code /field/}): the logged-in user's open tasks with what is needed at the door.
 * Everything else the page does goes through the APIs every client uses: the engine's task API of the webapps (the
 * same rules as Tasklist), the document upload and the delivery API.
 */
@RestController
class FieldController {

    private final FieldWork work;

    FieldController(FieldWork work) {
        this.work = work;
    }

    @GetMapping("/api/field/today")
    ResponseEntity<FieldWork.Today> today() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(work.today(Caller.current()));
    }
}
