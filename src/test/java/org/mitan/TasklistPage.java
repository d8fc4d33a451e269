package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist in an English browser as an officer or a Mitan works in it: log in and out, open a request's task from a
 * filter, claim it, pick a choice, type into a field, complete; each step waits for the page (and, where it counts,
 * the engine) to show it done, and leaves a screenshot. Shared by the browser tests that work in Tasklist
 * ({@link TasklistBrowserIT}, {@link ReturnToTheMitanBrowserIT}).
 */
final class TasklistPage {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final By FORM = By.cssSelector(".fjs-container");

    private final HeadlessChromium browser;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final int port;
    private final TaskService tasks;
    private final IdentityService identity;

    TasklistPage(HeadlessChromium browser, int port, TaskService tasks, IdentityService identity) {
        this.browser = browser;
        this.driver = browser.driver();
        this.wait = browser.waiting();
        this.port = port;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Logs in; the fields are filled until they hold what was typed (the login page may still be drawing). */
    void logIn(String user) {
        driver.get("http://localhost:" + port + TASKLIST);
        By name = By.cssSelector("input[placeholder='Username']");
        By password = By.cssSelector("input[placeholder='Password']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(name));
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .until(page -> holds(name, user) && holds(password, "demo"));
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.account"),
                displayName(user)));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
        browser.screenshot("tasklist-" + user);
    }

    void logOut() {
        click(By.cssSelector("li.account a.dropdown-toggle"));
        click(By.cssSelector("li.account li.logout a"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Username']")));
    }

    /**
     * Opens the filter whose name starts with the words given (its English name; a Hindi one may follow), then this
     * request's one task of the given key in the list, and waits for its form to say what is given; answers the task.
     */
    Task openTask(String filter, String taskKey, String number, String formSays) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("%s of %s", taskKey, number).isNotNull();
        click(By.xpath("//*[contains(@class,'task-filter')]/h4/a[starts-with(normalize-space(text()[1]), \""
                + filter + "\")]"));
        By inList = By.cssSelector("li.task h4.task a[href*='task=" + task.getId() + "']");
        wait.until(ExpectedConditions.elementToBeClickable(inList));
        click(inList);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(FORM, formSays));
        browser.screenshot("task-" + taskKey);
        return task;
    }

    /** The text the open task's form shows. */
    String formText() {
        return driver.findElement(FORM).getText();
    }

    /** Claims the open task unless it is the user's already; then its form is enabled. */
    void claimIfNeeded(Task task, String user) {
        List<WebElement> claim = driver.findElements(By.cssSelector("button.claim"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
        }
        wait.until(page -> user.equals(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.assignee"),
                displayName(user)));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    }

    /** Picks the radio option whose label starts with the words given, again if form-js redraws it unpicked. */
    void choose(String label) {
        By option = By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), \""
                + label + "\")]");
        By input = new ByChained(option, By.tagName("input"));
        browser.waiting().ignoring(StaleElementReferenceException.class).until(page -> {
            if (!page.findElement(input).isSelected()) {
                click(option);
            }
            return page.findElement(input).isSelected();
        });
    }

    /** Types into the form's text area labelled with the words given, until it holds the text. */
    void write(String label, String text) {
        By area = By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), \""
                + label + "\")]/following::textarea[1]");
        browser.waiting().ignoring(StaleElementReferenceException.class).until(page -> holds(area, text));
    }

    /** Types the text into the field unless it holds it already; answers whether it holds it now. */
    private boolean holds(By input, String text) {
        WebElement field = driver.findElement(input);
        if (!text.equals(field.getAttribute("value"))) {
            field.clear();
            field.sendKeys(text);
        }
        return text.equals(driver.findElement(input).getAttribute("value"));
    }

    /** Presses Complete and waits until the engine has completed the task. */
    void complete(Task task) {
        click(By.xpath("//button[normalize-space()='Complete']"));
        wait.until(page -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
        browser.screenshot("completed-" + task.getTaskDefinitionKey());
    }

    /** Clicks an element scrolled to the middle of the page once it can be clicked, again while it is redrawn. */
    void click(By element) {
        browser.waiting().ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class)
                .until(page -> {
                    WebElement target = page.findElement(element);
                    if (!target.isDisplayed() || !target.isEnabled()) {
                        return false;
                    }
                    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
                    target.click();
                    return true;
                });
    }

    /** The name Tasklist shows for a user: first and last name as in Camunda Admin. */
    String displayName(String user) {
        User person = identity.createUserQuery().userId(user).singleResult();
        return person.getFirstName() + " " + person.getLastName();
    }
}
