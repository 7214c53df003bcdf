/**
 * The seeded synthetic preference world: users with preferences over several dimensions, histories
 * that state, reveal, change and delete them between filler chat, multiple-choice queries with ground
 * truth and gold evidence, and the corpus the base model is pre-trained on.
 *
 * <p>{@link org.adaptbench.datasets.synthetic.SyntheticConfig} holds the knobs (its
 * {@link org.adaptbench.datasets.synthetic.WorldRole} picks the wording and question pools, its
 * {@link org.adaptbench.datasets.synthetic.Popularity} how users spread over options);
 * {@link org.adaptbench.datasets.synthetic.SyntheticWorld} generates and writes a world;
 * {@link org.adaptbench.datasets.synthetic.PretrainingCorpus} the pre-training examples. All text is
 * in {@code world.json} beside these classes. Uses {@code org.adaptbench.datasets.model} for the data,
 * {@code org.adaptbench.datasets.jsonl} to encode it, and {@link org.adaptbench.datasets.seed.Seeds}; knows
 * nothing about models.
 */
package org.adaptbench.datasets.synthetic;
