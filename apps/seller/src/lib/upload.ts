import { MAX_IMAGE_BYTES } from "@agora/validators";

export type UploadOutcome<T> = { ok: true; data: T } | { ok: false; message: string };

/** The same size rule the server applies, checked before sending megabytes for nothing. */
export function tooLarge(file: File): string | null {
  if (file.size <= MAX_IMAGE_BYTES) return null;
  return `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB; images can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`;
}

function messageFrom(status: number, body: unknown): string {
  if (body && typeof body === "object") {
    const { message, fieldErrors } = body as { message?: unknown; fieldErrors?: Record<string, unknown> };
    const field = fieldErrors?.file;
    if (typeof field === "string") return field;
    if (typeof message === "string") return message;
  }
  if (status === 413) return "That file is too large to upload.";
  if (status === 401) return "Your session has ended. Sign in again to upload.";
  return "The upload failed. Check your connection and try again.";
}

/** Posts a multipart form and reports upload progress (0..1); resolves with the JSON answer or a message. */
export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
): Promise<UploadOutcome<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, data: xhr.response as T });
      else resolve({ ok: false, message: messageFrom(xhr.status, xhr.response) });
    };
    xhr.onerror = () => resolve({ ok: false, message: "The upload failed. Check your connection and try again." });
    xhr.send(form);
  });
}
