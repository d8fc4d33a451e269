package org.mitan.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every call is answered whatever its {@code Accept} header asks for: in what it asks for when the application can
 * (a page, JSON), else as the application answers anyone (JSON, a problem detail), as RFC 9110 lets a server do
 * instead of 406 Not Acceptable. A 406 told nobody whether a certificate is genuine, and came after the call had done
 * its work (a request registered, a scan stored, a rating given), so the client would send it again. An
 * {@code Accept} header that cannot be read counts as none.
 */
@Configuration(proxyBeanMethods = false)
class AnswerWhateverIsAccepted implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.strategies(List.of(new OrAnythingElse()));
    }

    /** The types the header asks for, then anything else, last. */
    static final class OrAnythingElse extends HeaderContentNegotiationStrategy {

        private static final MediaType ANYTHING_ELSE = MediaType.parseMediaType("*/*;q=0.001");

        @Override
        public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
            List<MediaType> asked;
            try {
                asked = super.resolveMediaTypes(request);
            } catch (HttpMediaTypeNotAcceptableException unreadable) {
                return MEDIA_TYPE_ALL_LIST;
            }
            if (asked.stream().anyMatch(type -> type.isWildcardType() && type.getQualityValue() > 0)) {
                return asked;
            }
            List<MediaType> orElse = new ArrayList<>(asked);
            orElse.add(ANYTHING_ELSE);
            return orElse;
        }
    }
}
