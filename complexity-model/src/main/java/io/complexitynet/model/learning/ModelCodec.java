package io.complexitynet.model.learning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import io.complexitynet.core.probe.ProbeOutcome;
import io.complexitynet.core.routing.PricedModel;
import io.complexitynet.model.domain.ComplexityScale;
import io.complexitynet.model.embedding.PromptEncoder;
import io.complexitynet.model.embedding.PromptEncoders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * The stored form of a {@link ComplexityModel}, versioned. Format 1: the magic bytes {@code CXNM}, the
 * format version (int), a JSON header (length-prefixed UTF-8: metadata, ladder, scale, complexity source,
 * the pass heads' Platt parameters or constant rates), then the Tribuo models as length-prefixed
 * protobuf {@code ModelProto}s: the classifier, then each learnt pass head in ladder order. Format 2 (written now) adds
 * the no-tests cascade's {@link AnswerScorer} after them: a boolean (is there one), then the ladder size (int), the
 * weights (an int count, then each a double) and one threshold (double) for every model. Format 3 (written now) stores
 * a threshold per model instead (an int count, then each a double), and its weights include the probe outcome
 * {@code RETURNED_SAME}. All three are read; a format 1 model has no scorer, a format 2 scorer has its one threshold for
 * every model and a zero weight for {@code RETURNED_SAME}, an outcome its training data never showed. The encoder's weights are not stored: the header names the
 * encoder, and loading needs that same encoder.
 */
public final class ModelCodec {

    public static final int FORMAT_VERSION = 3;
    /** The oldest format still read: before the answer scorer. */
    static final int OLDEST_READABLE_VERSION = 1;
    private static final byte[] MAGIC = "CXNM".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCodec() {
    }

    /** Everything but the Tribuo models, as JSON. */
    private record Header(ModelMetadata metadata, List<PricedModel> ladder, Map<Integer, Integer> scale,
            String complexitySource, double sourceThreshold, List<HeadEntry> heads) {
    }

    /** A pass head's calibration; a constant head has its rate here and no Tribuo model after the header. */
    private record HeadEntry(boolean constant, double constantRate, PlattScaling scaling) {
    }

    public static byte[] encode(ComplexityModel model) {
        double threshold = model.complexitySource() instanceof ComplexitySource.PassHeads heads ? heads.threshold() : 0;
        Header header = new Header(model.metadata(), model.ladder(), model.scale().classToModel(),
                model.complexitySource() instanceof ComplexitySource.PassHeads ? "pass-heads" : "classifier", threshold,
                model.heads().stream()
                        .map(head -> new HeadEntry(head.isConstant(), head.isConstant() ? head.constantRate() : 0,
                                head.scaling()))
                        .toList());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            writeBlock(out, JSON.writeValueAsBytes(header));
            writeBlock(out, model.classifier().tribuoModel().serialize().toByteArray());
            for (PassHead head : model.heads()) {
                if (head.tribuoModel().isPresent()) {
                    writeBlock(out, head.tribuoModel().get().serialize().toByteArray());
                }
            }
            writeScorer(out, model.answerScorer());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the model", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Loads a stored model trained with {@code encoder}.
     *
     * @throws ModelFormatException as {@link #decode(byte[], PromptEncoders)}
     */
    public static ComplexityModel decode(byte[] stored, PromptEncoder encoder) {
        return decode(stored, PromptEncoders.of(encoder));
    }

    /**
     * Loads a stored model with the encoder it names; it predicts exactly as the one that was encoded.
     *
     * @throws ModelFormatException when the bytes are not a model of a known format version, or name an
     *     encoder that is not among {@code encoders}
     */
    public static ComplexityModel decode(byte[] stored, PromptEncoders encoders) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new ModelFormatException("not a complexity model: the bytes do not start with CXNM");
            }
            int version = in.readInt();
            if (version < OLDEST_READABLE_VERSION || version > FORMAT_VERSION) {
                throw new ModelFormatException("complexity model format " + version + " is not readable here; this"
                        + " code reads formats " + OLDEST_READABLE_VERSION + " to " + FORMAT_VERSION);
            }
            Header header = JSON.readValue(readBlock(in), Header.class);
            String encoderId = header.metadata().encoderId();
            if (!encoders.ids().contains(encoderId)) {
                throw new ModelFormatException("the model needs encoder " + encoderId + ", which is not here (known: "
                        + String.join(", ", encoders.ids()) + ")");
            }
            PromptEncoder encoder = encoders.named(encoderId);
            ComplexityClassifier classifier = new ComplexityClassifier(readTribuo(in));
            List<PassHead> heads = new ArrayList<>();
            for (HeadEntry head : header.heads()) {
                heads.add(head.constant() ? PassHead.constant(head.constantRate())
                        : PassHead.learnt(readTribuo(in), head.scaling()));
            }
            ComplexitySource source = header.complexitySource().equals("pass-heads")
                    ? new ComplexitySource.PassHeads(header.sourceThreshold())
                    : new ComplexitySource.Classifier();
            ComplexityModel model = new ComplexityModel(encoder, classifier, heads, header.ladder(), new ComplexityScale(header.scale()),
                    source, header.metadata());
            Optional<AnswerScorer> scorer = version >= 2 ? readScorer(in, version) : Optional.empty();
            return scorer.map(model::withAnswerScorer).orElse(model);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException("the model's header is not readable: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFormatException("the model's bytes end early or are corrupt", e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the stored model is inconsistent: " + e.getMessage(), e);
        }
    }

    private static void writeScorer(DataOutputStream out, Optional<AnswerScorer> scorer) throws IOException {
        out.writeBoolean(scorer.isPresent());
        if (scorer.isPresent()) {
            out.writeInt(scorer.get().ladderSize());
            writeDoubles(out, scorer.get().weights());
            writeDoubles(out, scorer.get().thresholds());
        }
    }

    private static Optional<AnswerScorer> readScorer(DataInputStream in, int version) throws IOException {
        if (!in.readBoolean()) {
            return Optional.empty();
        }
        int ladderSize = in.readInt();
        double[] weights = readDoubles(in, "weights");
        return Optional.of(version == 2 ? new AnswerScorer(ladderSize, withZeroForReturnedSame(weights), in.readDouble())
                : new AnswerScorer(ladderSize, weights, readDoubles(in, "thresholds")));
    }

    /** Format 2's weights with a zero inserted where format 3 has {@code RETURNED_SAME}'s, after the other five outcomes. */
    private static double[] withZeroForReturnedSame(double[] formatTwo) {
        int at = 1 + ProbeOutcome.Kind.RETURNED_SAME.ordinal();
        if (formatTwo.length < at) {
            throw new ModelFormatException("the format 2 answer scorer has " + formatTwo.length + " weights, too few for its features");
        }
        double[] weights = new double[formatTwo.length + 1];
        System.arraycopy(formatTwo, 0, weights, 0, at);
        System.arraycopy(formatTwo, at, weights, at + 1, formatTwo.length - at);
        return weights;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    private static double[] readDoubles(DataInputStream in, String what) throws IOException {
        int count = in.readInt();
        if (count < 0 || (long) count * Double.BYTES > in.available()) {
            throw new ModelFormatException("the answer scorer claims " + count + " " + what + " but " + in.available() + " bytes are left");
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new ModelFormatException("a block claims " + length + " bytes but " + in.available() + " are left");
        }
        return in.readNBytes(length);
    }

    private static Model<Label> readTribuo(DataInputStream in) throws IOException {
        try {
            return Model.deserialize(ModelProto.parseFrom(readBlock(in))).castModel(Label.class);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFormatException("a stored Tribuo model is corrupt", e);
        }
    }
}
