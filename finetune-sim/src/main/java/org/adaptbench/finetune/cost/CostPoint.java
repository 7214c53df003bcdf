package org.adaptbench.finetune.cost;

/**
 * Monthly cost per user of each approach at one request rate, in dollars: one point of a chart.
 *
 * @param requestsPerUserPerMonth the request rate
 * @param memory memory-based personalization
 * @param userAdapter one adapter per user
 * @param variantAdapter one adapter per preference variant, shared by its users
 */
public record CostPoint(double requestsPerUserPerMonth, double memory, double userAdapter, double variantAdapter) {
}
