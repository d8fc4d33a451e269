package org.mitan.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms of {@code processes/} and {@code forms/} as an analyst deploys from Camunda Modeler:
 * one deployment per certificate type, named by its key, and one for what the application shares between types,
 * named {@value #SHARED}; each with "deploy changed only", so a start deploys nothing that did not change and never
 * replaces what an analyst deployed since.
 * <ul>
 * <li>A <b>type</b> is {@code processes/<key>.bpmn} with its tables {@code processes/<key>.dmn} beside it, and its own
 * forms {@code forms/<key>-*.form}.</li>
 * <li>Everything else is <b>shared</b>: the called processes (doorstep visit, home delivery) and the common forms.
 * Types call the shared processes by version tag and link forms by "latest", so neither needs to be in the same
 * deployment.</li>
 * </ul>
 * It runs once the beans exist and before the web server takes requests, so the catalogue is complete from the
 * first call. The source {@value #SOURCE} keeps the application's deployments apart from Modeler's when the engine
 * compares them for changes.
 */
@Component
class ModelDeployments implements SmartInitializingSingleton {

    static final String SHARED = "mitan-shared";
    static final String SOURCE = "mitan-application";

    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployments.class);

    private final RepositoryService repository;
    private final ResourcePatternResolver resources;

    ModelDeployments(RepositoryService repository) {
        this.repository = repository;
        this.resources = new PathMatchingResourcePatternResolver();
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Resource> models = byFileName("classpath*:processes/*.bpmn");
        Map<String, Resource> tables = byFileName("classpath*:processes/*.dmn");
        Map<String, Resource> forms = byFileName("classpath*:forms/*.form");
        Set<String> types = new TreeSet<>();
        for (String table : tables.keySet()) {
            String key = table.substring(0, table.length() - ".dmn".length());
            if (models.containsKey(key + ".bpmn")) {
                types.add(key);
            }
        }
        Map<String, Resource> shared = new TreeMap<>();
        shared.putAll(models);
        shared.putAll(tables);
        shared.putAll(forms);
        Map<String, Map<String, Resource>> ofType = new TreeMap<>();
        for (String key : types) {
            Map<String, Resource> own = new TreeMap<>();
            own.put(key + ".bpmn", shared.remove(key + ".bpmn"));
            own.put(key + ".dmn", shared.remove(key + ".dmn"));
            for (String form : forms.keySet()) {
                if (form.startsWith(key + "-")) {
                    own.put(form, shared.remove(form));
                }
            }
            ofType.put(key, own);
        }
        deploy(SHARED, shared);
        ofType.forEach(this::deploy);
    }

    private void deploy(String name, Map<String, Resource> files) {
        DeploymentBuilder deployment = repository.createDeployment().name(name).source(SOURCE)
                .enableDuplicateFiltering(true);
        List<InputStream> opened = new ArrayList<>();
        try {
            for (Map.Entry<String, Resource> file : files.entrySet()) {
                InputStream stream = file.getValue().getInputStream();
                opened.add(stream);
                deployment.addInputStream(file.getKey(), stream);
            }
            DeploymentWithDefinitions deployed = deployment.deployWithResult();
            LOG.info("Deployment {} ({} files): {} definitions changed and deployed", name, files.size(),
                    countDeployed(deployed));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the files of deployment " + name, e);
        } finally {
            for (InputStream stream : opened) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // read already; nothing to keep open
                }
            }
        }
    }

    private static int countDeployed(DeploymentWithDefinitions deployed) {
        return size(deployed.getDeployedProcessDefinitions()) + size(deployed.getDeployedDecisionDefinitions())
                + size(deployed.getDeployedDecisionRequirementsDefinitions());
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }

    private Map<String, Resource> byFileName(String pattern) {
        Map<String, Resource> found = new TreeMap<>();
        try {
            for (Resource resource : resources.getResources(pattern)) {
                String name = resource.getFilename();
                if (name != null && found.putIfAbsent(name, resource) != null) {
                    throw new IllegalStateException("Two files named " + name + " match " + pattern
                            + ": file names are keys, they must be unique");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pattern, e);
        }
        return found;
    }
}
