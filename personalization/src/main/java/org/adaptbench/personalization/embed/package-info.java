/**
 * Text embedders: the {@link org.adaptbench.personalization.embed.Embedder} interface, all-MiniLM-L6-v2 through langchain4j, a model-free hashing embedder, and a shared cache that forgets a deleted user's texts.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.personalization.embed;
