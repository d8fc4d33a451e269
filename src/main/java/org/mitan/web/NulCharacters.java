package org.mitan.web;

import java.beans.PropertyEditorSupport;
import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * No text the API takes may hold the NUL character (U+0000): PostgreSQL keeps none in text, and a query with one
 * fails (SQLSTATE 22021) before the checks that would name the field, as an internal error or a misleading
 * conflict. So it is refused where the value is read, before anything looks it up: a JSON body's strings as Jackson
 * reads them (every {@code @RequestBody} of the application's own API; the engine REST API has its own mapper), and
 * the path variables, query parameters, form fields and headers a controller takes as text. Either is a 400 naming
 * the field ({@link ApiExceptionHandler}).
 */
@ControllerAdvice
public class NulCharacters {

    /** What a field holding U+0000 is told, after its name. */
    public static final String REFUSAL = "contains a NUL character (U+0000), which no text here may hold; remove it"
            + " and send again";

    NulCharacters() {
    }

    /** Whether the text holds U+0000. */
    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Path variables, query parameters, form fields and headers bound as text. */
    @InitBinder
    void refuseInParameters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (in(text)) {
                    throw new InParameter();
                }
                setValue(text);
            }
        });
    }

    /** A parameter holding U+0000; the binder names the parameter. */
    static final class InParameter extends IllegalArgumentException {

        InParameter() {
            super("The text contains a NUL character (U+0000)");
        }
    }

    /** The application's ObjectMapper reads every JSON string with {@link JsonStrings} (a Module bean). */
    @Component
    static final class JsonModule extends SimpleModule {

        JsonModule() {
            super("mitan-nul-characters");
            addDeserializer(String.class, new JsonStrings());
        }
    }

    /** Jackson's own reading of a string, refused when it holds U+0000. */
    static final class JsonStrings extends StdScalarDeserializer<String> {

        JsonStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (in(text)) {
                throw new InJson(parser);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    /** A JSON string holding U+0000; Jackson adds the field's path as it passes up through the objects. */
    static final class InJson extends MismatchedInputException {

        InJson(JsonParser parser) {
            super(parser, "A string contains a NUL character (U+0000)", String.class);
        }
    }
}
