package cn.qingfeng.webhook.adapter;

import cn.qingfeng.webhook.OutboundEvent;

/**
 * Maps outbound events to one receiver's API. A subscription names its adapter; the dispatcher
 * hands each due delivery to it and records the result. Adapters never throw for a receiver's
 * answer: a refusal, a timeout or an unreachable host is a {@link DeliveryResult}.
 */
public interface DeliveryAdapter {

    /** The adapter's code as stored on a subscription: GENERIC, WEAVER, SEEYON, LANDRAY. */
    String code();

    /** Sends one event; events the adapter does not map (e.g. non-to-do events to an OA) answer {@link DeliveryResult#skipped}. */
    DeliveryResult deliver(OutboundEvent event, Target target);
}
