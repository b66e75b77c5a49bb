package dev.xpost.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a composite action ({@code action.yml}) into a reusable workflow with the same inputs and steps, so that
 * actionlint, which checks workflows only, checks the action's steps too: their keys, expressions, contexts and
 * {@code if:} conditions. Run by {@code .ci/run}:
 * {@code java -cp target/test-classes:target/xpost.jar dev.xpost.e2e.ActionAsWorkflow action.yml OUT.yml}.
 */
public final class ActionAsWorkflow {
    private ActionAsWorkflow() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ActionAsWorkflow ACTION_YML OUT_YML");
            System.exit(2);
        }
        YAMLMapper yaml = new YAMLMapper();
        Files.writeString(Path.of(args[1]), yaml.writeValueAsString(convert(yaml.readTree(Path.of(args[0])
                .toFile()))));
    }

    static ObjectNode convert(JsonNode action) {
        if (!"composite".equals(action.path("runs").path("using").asText())) {
            throw new IllegalArgumentException("not a composite action");
        }
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode wf = yaml.createObjectNode();
        wf.put("name", action.path("name").asText("action"));
        ObjectNode inputs = wf.putObject("on").putObject("workflow_call").putObject("inputs");
        action.path("inputs").fields().forEachRemaining(e -> {
            ObjectNode in = inputs.putObject(e.getKey());
            in.put("description", e.getValue().path("description").asText(""));
            in.put("type", "string");
            in.put("required", e.getValue().path("required").asBoolean(false));
            if (e.getValue().has("default")) {
                in.put("default", e.getValue().path("default").asText());
            }
        });
        ObjectNode job = wf.putObject("jobs").putObject("action");
        job.put("runs-on", "ubuntu-latest");
        job.set("steps", action.path("runs").path("steps"));
        return wf;
    }
}
