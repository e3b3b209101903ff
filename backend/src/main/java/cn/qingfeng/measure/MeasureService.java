package cn.qingfeng.measure;

import cn.qingfeng.common.ledger.Action;
import cn.qingfeng.common.ledger.Ledger;
import cn.qingfeng.common.ledger.LedgerRecord;
import cn.qingfeng.common.ledger.RecordKind;
import cn.qingfeng.common.problem.ProblemException;
import cn.qingfeng.common.warning.Warning;
import cn.qingfeng.common.warning.Warnings;
import cn.qingfeng.journal.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Measures of rectification items and risks: added by the owner's own action, then completed,
 * waived or reopened through their lifecycle ({@link MeasureLifecycles}). Runs inside the owner's
 * service transaction, which answers with the owner's detail.
 */
@ApplicationScoped
public class MeasureService {

    @Inject
    MeasureRepository measures;

    @Inject
    Instance<MeasureOwner> owners;

    @Inject
    Ledger ledger;

    @Inject
    MeasureMapper mapper;

    @Inject
    Warnings warnings;

    @Inject
    Clock clock;

    public MeasureOwner owner(MeasureOwnerType type) {
        return owners.stream().filter(o -> o.type() == type).findFirst()
                .orElseThrow(() -> new IllegalStateException("no measure owner " + type));
    }

    /**
     * Adds a measure to an owner record; {@code add} is the owner's own action (entered by the
     * caller, e.g. {@code rectification.addMeasure}), whose event records it on the owner.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <S extends Enum<S>> MeasureEntity add(Action<S, ?> add, LedgerRecord<S> owner, MeasureOwnerType type,
                                                 MeasureRequests.Add req, UUID reviewId) {
        Instant now = clock.instant();
        MeasureEntity m = new MeasureEntity();
        m.id = UUID.randomUUID();
        m.ownerType = type;
        m.ownerId = owner.journalId();
        m.unitId = owner.journalUnitId();
        m.reviewId = reviewId;
        m.content = req.content().trim();
        m.ownerName = req.ownerName();
        m.deadline = req.deadline();
        m.status = MeasureStatus.OPEN;
        m.sortOrder = measures.countOf(type, m.ownerId);
        m.createdAt = now;
        m.updatedAt = now;
        measures.persist(m);
        owner(type).measureOpened(m.ownerId);
        ledger.record(add, owner, Changes.of().set("measureId", m.id).set("content", m.content)
                .set("ownerName", m.ownerName).set("deadline", m.deadline).set("reviewId", reviewId));
        return m;
    }

    /** 完成: optionally with what shows it was done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(MeasureOwnerType type, UUID ownerId, UUID measureId, long version, String evidence) {
        MeasureLifecycles.Measures l = lifecycle(type);
        MeasureEntity m = enter(type, l.complete(), ownerId, measureId, version);
        if (evidence != null && !evidence.isBlank()) {
            m.evidence = evidence.strip();
        }
        moved(l.complete(), m, null);
    }

    /** 免于执行, with the reason (where the owner allows it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void waive(MeasureOwnerType type, UUID ownerId, UUID measureId, long version, String reason) {
        MeasureLifecycles.Measures l = lifecycle(type);
        if (l.waive() == null) {
            throw ProblemException.notFound("Measure");
        }
        MeasureEntity m = enter(type, l.waive(), ownerId, measureId, version);
        m.waiveReason = reason;
        moved(l.waive(), m, reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reopen(MeasureOwnerType type, UUID ownerId, UUID measureId, long version) {
        MeasureLifecycles.Measures l = lifecycle(type);
        MeasureEntity m = enter(type, l.reopen(), ownerId, measureId, version);
        moved(l.reopen(), m, null);
        owner(type).measureOpened(ownerId);
    }

    /**
     * Completes measures as part of another act on their owner that the caller entered (a risk
     * review ticks measures off); measures already done stay as they are.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeAll(MeasureOwnerType type, List<MeasureEntity> done) {
        MeasureLifecycles.Measures l = lifecycle(type);
        for (MeasureEntity m : done) {
            if (m.status != MeasureStatus.DONE) {
                moved(l.complete(), m, null);
            }
        }
    }

    /** The measure of this owner, or 400 naming the field that listed it. */
    public MeasureEntity ofOwner(MeasureOwnerType type, UUID ownerId, UUID measureId, String field) {
        return measures.find(measureId).filter(m -> m.ownerType == type && m.ownerId.equals(ownerId))
                .orElseThrow(() -> ProblemException.invalidField(field, "措施不属于该记录"));
    }

    public List<MeasureEntity> of(MeasureOwnerType type, UUID ownerId) {
        return measures.of(type, ownerId);
    }

    public List<MeasureView> views(MeasureOwnerType type, UUID ownerId) {
        MeasureOwner owner = owner(type);
        List<MeasureEntity> list = measures.of(type, ownerId);
        RecordKind<MeasureStatus, MeasureEntity, MeasureFacts> kind = measures.kind(owner);
        List<MeasureFacts> facts = kind.facts(list);
        return facts.stream().map(f -> {
            MeasureEntity m = f.measure();
            return mapper.view(m, type == MeasureOwnerType.RECTIFICATION ? m.ownerId : null,
                    type == MeasureOwnerType.RISK ? m.ownerId : null, warning(m), ledger.allowed(owner.lifecycle(), f));
        }).toList();
    }

    private Warning warning(MeasureEntity m) {
        return switch (m.status) {
            case OPEN -> warnings.open(m.deadline);
            case DONE -> Warnings.closed(m.deadline, m.doneAt);
            case WAIVED -> null;
        };
    }

    private MeasureLifecycles.Measures lifecycle(MeasureOwnerType type) {
        return owner(type).measures();
    }

    private MeasureEntity enter(MeasureOwnerType type, Action<MeasureStatus, MeasureFacts> action, UUID ownerId,
                                UUID measureId, long version) {
        // The record in the path comes first: a measure of another record is not found there,
        // whatever its state would answer.
        if (!measures.belongsTo(measureId, type, ownerId)) {
            throw ProblemException.notFound("Measure");
        }
        return ledger.enter(measures.kind(owner(type)), action, measureId, version).measure();
    }

    private void moved(Action<MeasureStatus, MeasureFacts> action, MeasureEntity m, String reason) {
        ledger.record(action, m, Changes.of().set("measureId", m.id).set("content", m.content).set("reason", reason)
                .set("evidence", action.to() == MeasureStatus.DONE ? m.evidence : null));
    }
}
