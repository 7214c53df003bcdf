/**
 * Text embedders: the {@link org.adaptbench.personalization.embed.Embedder} interface, all-MiniLM-L6-v2 through langchain4j, a model-free hashing embedder, a shared cache that forgets a deleted user's texts, and the removal at exit of the folder ONNX Runtime extracts its libraries into.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.personalization.embed;
