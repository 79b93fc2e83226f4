package io.complexitynet.labeler.it;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A profile of its own, so tests with the ladder on the openai backend ({@link RecordedModelsStub}) get their own Quarkus. */
public class OpenAiLadderProfile implements QuarkusTestProfile {
}
