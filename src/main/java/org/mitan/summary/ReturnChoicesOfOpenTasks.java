package org.mitan.summary;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.Spin;
import org.mitan.document.DocumentReturns;
import org.mitan.failure.Refusal;
import org.mitan.process.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives the officers' tasks that were open before the scrutiny form offered documents to return (an upgrade) the
 * choices of that checklist, {@code returnableDocuments}, as {@link RequestSummaryListener} gives a task made now.
 * The forms are bound "latest", so such a task opens with the new form, whose checklist is required on a return:
 * without its choices the clerk could not return the request at all. Done as the application starts, for the tasks of
 * the scrutiny form only; a task another node gave them meanwhile, or whose request is gone, is left as it is.
 */
@Component
public class ReturnChoicesOfOpenTasks {

    private static final Logger LOG = LoggerFactory.getLogger(ReturnChoicesOfOpenTasks.class);

    /** Open tasks with the request's summary and without the choices, with their request's number and step. */
    private static final String WITHOUT_CHOICES = "select t.id_, e.business_key_, t.proc_def_id_, t.task_def_key_"
            + " from act_ru_task t"
            + " join act_ru_execution e on e.id_ = t.proc_inst_id_"
            + " where e.business_key_ is not null"
            + " and exists (select 1 from act_ru_variable v where v.task_id_ = t.id_ and v.name_ = ?)"
            + " and not exists (select 1 from act_ru_variable v where v.task_id_ = t.id_ and v.name_ = ?)";

    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final DocumentReturns returns;

    ReturnChoicesOfOpenTasks(JdbcTemplate jdbc, TaskService tasks, RepositoryService repository,
            DocumentReturns returns) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.repository = repository;
        this.returns = returns;
    }

    private record OpenTask(String id, String requestNumber, String definitionId, String step) {
    }

    @EventListener(ApplicationReadyEvent.class)
    public void apply() {
        List<OpenTask> open;
        try {
            open = jdbc.query(WITHOUT_CHOICES, (row, n) -> new OpenTask(row.getString(1), row.getString(2),
                    row.getString(3), row.getString(4)), ProcessVariables.REQUEST_SUMMARY,
                    ProcessVariables.RETURNABLE_DOCUMENTS);
        } catch (DataAccessException e) {
            LOG.warn("Could not look for open tasks without the documents a return may name: {}", e.getMessage());
            return;
        }
        int given = 0;
        for (OpenTask task : open) {
            try {
                if (!RequestSummaryListener.offersReturn(repository.getBpmnModelInstance(task.definitionId())
                        .getModelElementById(task.step()))) {
                    continue;
                }
                tasks.setVariableLocal(task.id(), ProcessVariables.RETURNABLE_DOCUMENTS,
                        Spin.JSON(returns.returnable(task.requestNumber())));
                given++;
            } catch (ProcessEngineException | Refusal | DataAccessException e) {
                // completed or given them by another node meanwhile, or a process that works on no request
                LOG.debug("Left task {} without the documents a return may name: {}", task.id(), e.getMessage());
            }
        }
        if (given > 0) {
            LOG.info("Gave {} open tasks the documents a return may name (made before the scrutiny form offered them)",
                    given);
        }
    }
}
