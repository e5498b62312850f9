// A rendering error shows a message and a way back, never a blank window.
import { Component } from "preact";
import type { ComponentChildren } from "preact";
import { t } from "./i18n";

interface Props {
  children: ComponentChildren;
  /** What the way back does (after the boundary renders its children again). */
  onReset?: () => void;
  /** The way back's label; "Try again" when not given. */
  resetLabel?: string;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static override getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div class="error" role="alert" data-testid="render-error">
        <strong>{t("renderError")}</strong>
        <p dir="auto">{error.message}</p>
        <button
          onClick={() => {
            this.setState({ error: null });
            this.props.onReset?.();
          }}
        >
          {this.props.resetLabel ?? t("retry")}
        </button>
      </div>
    );
  }
}
