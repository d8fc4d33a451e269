package org.mitan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.model.dmn.Dmn;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.TypeTables;

/**
 * A certificate type that exists only in the tests, {@value #KEY}, made the way the README tells an analyst to make
 * one: a copy of the birth-certificate model with its own process key, its own DMN file ({@code test-permit.dmn}:
 * names in English and Hindi, steps and roles, documents) and its particulars form, the three files of
 * {@code src/test/resources/tenth-type/}. No Java of its own: this class only reads the files.
 */
final class TenthType {

    static final String KEY = "test-permit";
    static final String FOLDER = "tenth-type/";
    static final String MODEL = KEY + ".bpmn";
    static final String TABLES = KEY + ".dmn";
    static final String PARTICULARS_FORM = KEY + "-particulars.form";

    private TenthType() {
    }

    /** The files of the type's deployment, by resource name (the file names Camunda Modeler deploys them under). */
    static Map<String, byte[]> deploymentResources() {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String file : new String[] {MODEL, TABLES, PARTICULARS_FORM}) {
            resources.put(file, classpath(FOLDER + file));
        }
        return resources;
    }

    /** The model as an analyst changes it later: a step renamed, nothing else. */
    static byte[] changedModel() {
        String model = new String(classpath(FOLDER + MODEL), StandardCharsets.UTF_8);
        String changed = model.replace("name=\"Record the permit particulars\"",
                "name=\"Record the permit holder's particulars\"");
        if (changed.equals(model)) {
            throw new IllegalStateException(MODEL + " no longer has the step this change renames");
        }
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    /** The type as its tables describe it. */
    static CertificateType tables() {
        return TypeTables.read(Dmn.readModelFromStream(new ByteArrayInputStream(classpath(FOLDER + TABLES))), KEY);
    }

    static byte[] classpath(String resource) {
        try (InputStream in = TenthType.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
