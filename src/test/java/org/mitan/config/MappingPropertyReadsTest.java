package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.ibatis.builder.BuilderException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.scripting.xmltags.OgnlCache;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.junit.jupiter.api.Test;

/** Conditions evaluated as MyBatis evaluates a mapping's {@code <if test>}, on classes of this test's own. */
class MappingPropertyReadsTest {

    @Test
    void propertiesReadThroughGettersOtherMethodsAndFieldsGiveWhatTheyHold() {
        MappingPropertyReads.Remembered reads = new MappingPropertyReads.Remembered();
        OgnlRuntime.setPropertyAccessor(Query.class, reads);
        OgnlRuntime.setPropertyAccessor(Check.class, reads);
        Query query = new Query("Task_ScrutiniseDocuments", new Check(true, "clerk.raipur"));

        assertThat(OgnlCache.getValue("taskDefinitionKey", query)).isEqualTo("Task_ScrutiniseDocuments");
        assertThat(OgnlCache.getValue("check.isEnabled", query)).isEqualTo(true);
        assertThat(OgnlCache.getValue("check.enabled", query)).isEqualTo(true);
        assertThat(OgnlCache.getValue("check.userId != null and check.isEnabled", query)).isEqualTo(true);
        assertThat(OgnlCache.getValue("groups", query)).isEqualTo(List.of("clerk-RPR"));
        assertThat(OgnlCache.getValue("groups.size > 0", query)).isEqualTo(true);
        assertThat(OgnlCache.getValue("tenantIdSet", query)).isEqualTo(false);
        assertThat(OgnlCache.getValue("check.isEnabled", new Query("x", new Check(false, null)))).isEqualTo(false);
    }

    @Test
    void eachClassAndPropertyIsSearchedForOnce() {
        MappingPropertyReads.Remembered reads = new MappingPropertyReads.Remembered();
        OgnlRuntime.setPropertyAccessor(Repeated.class, reads);
        Repeated first = new Repeated(1);

        for (int i = 0; i < 50; i++) {
            assertThat(OgnlCache.getValue("isCounted and count == " + i, new Repeated(i))).isEqualTo(true);
        }
        assertThat(OgnlCache.getValue("count", first)).isEqualTo(1);

        assertThat(reads.searches()).isEqualTo(2);
    }

    @Test
    void aPropertyTheClassDoesNotHaveIsStillAnErrorNamingIt() {
        MappingPropertyReads.Remembered reads = new MappingPropertyReads.Remembered();
        OgnlRuntime.setPropertyAccessor(Missing.class, reads);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> OgnlCache.getValue("nothingHere", new Missing()))
                    .isInstanceOf(BuilderException.class).hasMessageContaining("nothingHere");
        }
    }

    @Test
    void theEnginesOwnConditionsReadTheSameThroughThePlugin() throws Exception {
        new MappingPropertyReads().preInit(new StandaloneInMemProcessEngineConfiguration());
        AuthorizationCheck check = new AuthorizationCheck();
        check.setAuthUserId("clerk.raipur");
        check.setAuthGroupIds(List.of("clerk-RPR"));
        check.setAuthorizationCheckEnabled(true);
        check.addAtomicPermissionCheck(new PermissionCheck());

        assertThat(OgnlRuntime.getPropertyAccessor(Object.class)).isInstanceOf(MappingPropertyReads.Remembered.class);
        assertThat(OgnlCache.getValue("authCheck.shouldPerformAuthorizatioCheck && authCheck.authUserId != null",
                Map.of("authCheck", check))).isEqualTo(true);
        assertThat(OgnlCache.getValue("authCheck.isAuthorizationCheckEnabled", Map.of("authCheck", check)))
                .isEqualTo(true);
        assertThat(OgnlCache.getValue("authCheck.authGroupIds.size", Map.of("authCheck", check))).isEqualTo(1);
    }

    public static class Query {
        public final List<String> groups = List.of("clerk-RPR");
        protected boolean tenantIdSet;
        private final String taskDefinitionKey;
        private final Check check;

        Query(String taskDefinitionKey, Check check) {
            this.taskDefinitionKey = taskDefinitionKey;
            this.check = check;
        }

        public String getTaskDefinitionKey() {
            return taskDefinitionKey;
        }

        public Check getCheck() {
            return check;
        }
    }

    public static class Check {
        private final boolean enabled;
        private final String userId;

        Check(boolean enabled, String userId) {
            this.enabled = enabled;
            this.userId = userId;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public String getUserId() {
            return userId;
        }
    }

    public static class Repeated {
        private final int count;

        Repeated(int count) {
            this.count = count;
        }

        public boolean isCounted() {
            return true;
        }

        public int getCount() {
            return count;
        }
    }

    public static class Missing {
    }
}
