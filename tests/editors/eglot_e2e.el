;;; eglot_e2e.el --- end-to-end test of editors/emacs/histlint-eglot.el  -*- lexical-binding: t; -*-

;; Run by tests/editors/eglot_e2e.sh in `emacs --batch' with:
;;   HISTLINT_BIN, HISTLINT_REPO, HISTLINT_ROOT (the folder holding .histlint/),
;;   HISTLINT_DATES, HISTLINT_GARBLED (seed copies under it), HISTLINT_RESULTS.
;; Writes one "PASS name" / "FAIL name: why" line per check.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

(defvar histlint-test--results (getenv "HISTLINT_RESULTS"))
(defconst histlint-test--timeout 30 "Seconds to wait for the server.")

(defun histlint-test--record (name ok &optional detail)
  "Write a PASS or FAIL line for check NAME; return OK."
  (write-region (format "%s %s%s\n" (if ok "PASS" "FAIL") name
                        (if (and (not ok) detail)
                            (let ((text (replace-regexp-in-string
                                         "[ \t\n]+" " " (format "%s" detail))))
                              (concat ": " (substring text 0 (min 800 (length text)))))
                          ""))
                nil histlint-test--results 'append 'silent)
  ok)

(defun histlint-test--wait (predicate &optional seconds)
  "Process server output until PREDICATE returns non-nil or SECONDS pass; return its value."
  (let ((deadline (+ (float-time) (or seconds histlint-test--timeout)))
        value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

(defun histlint-test--open (file)
  "Visit FILE and let Eglot connect as after an interactive command."
  (let ((buffer (find-file-noselect file)))
    (with-current-buffer buffer
      ;; eglot-ensure connects from `post-command-hook'; batch mode runs no commands.
      (run-hooks 'post-command-hook))
    buffer))

(defun histlint-test--diagnostics (buffer)
  "The Flymake diagnostics histlint published for BUFFER."
  (with-current-buffer buffer
    (flymake-diagnostics (point-min) (point-max))))

(defun histlint-test--refresh (&rest buffers)
  "Do for BUFFERS what an interactive Emacs does on display and when idle (batch mode is never
idle): send pending edits to the server and run Flymake."
  (dolist (buffer buffers)
    (with-current-buffer buffer
      (eglot--signal-textDocument/didChange)
      (flymake-start))))

(defun histlint-test--has-code (buffer prefix)
  "Non-nil when BUFFER has a diagnostic whose code starts with PREFIX."
  (cl-some (lambda (diagnostic)
             (string-match-p (concat "\\[" (regexp-quote prefix))
                             (flymake-diagnostic-text diagnostic)))
           (histlint-test--diagnostics buffer)))

(defun histlint-test--describe (buffer)
  "The codes of BUFFER's diagnostics, for failure messages."
  (mapconcat (lambda (diagnostic)
               (let ((text (flymake-diagnostic-text diagnostic)))
                 (if (string-match "\\[\\([^]]+\\)\\]" text) (match-string 1 text) text)))
             (histlint-test--diagnostics buffer) " "))

(cl-defun histlint-test--run ()
  "The checks."
  (load (expand-file-name "editors/emacs/histlint-eglot.el" (getenv "HISTLINT_REPO")))
  (setq histlint-program (getenv "HISTLINT_BIN"))
  (histlint-eglot-setup)
  (let* ((dates (histlint-test--open (getenv "HISTLINT_DATES")))
         (server (histlint-test--wait
                  (lambda () (with-current-buffer dates (eglot-current-server))) 10))
         (garbled (histlint-test--open (getenv "HISTLINT_GARBLED"))))
    (unless (histlint-test--record "eglot starts histlint for a .txt file" server)
      (cl-return-from histlint-test--run))
    (histlint-test--record
     "project root is the folder with .histlint/"
     (equal (file-name-as-directory (project-root (eglot--project server)))
            (file-name-as-directory (getenv "HISTLINT_ROOT")))
     (project-root (eglot--project server)))
    (histlint-test--record
     "both files share one server"
     (eq server (with-current-buffer garbled (eglot-current-server))))
    (histlint-test--wait (lambda ()
                           (histlint-test--refresh dates garbled)
                           (and (histlint-test--has-code dates "date/")
                                (histlint-test--has-code garbled "garble/"))))
    (histlint-test--record "a date/ diagnostic on the dates seed"
                           (histlint-test--has-code dates "date/")
                           (histlint-test--describe dates))
    (histlint-test--record "a garble/ diagnostic on the garbled seed"
                           (histlint-test--has-code garbled "garble/")
                           (histlint-test--describe garbled))

    (with-current-buffer dates
      (goto-char (point-min))
      (let* ((found (re-search-forward "\\_<Trotsky\\_>" nil t))
             (hover (and found
                         (progn (goto-char (match-beginning 0))
                                (jsonrpc-request server :textDocument/hover
                                                 (eglot--TextDocumentPositionParams)))))
             (contents (plist-get hover :contents))
             (text (if (stringp contents) contents (plist-get contents :value))))
        ;; Eglot asks for Markdown only when markdown-mode is there to render it; otherwise the
        ;; server must fall back to plain text.
        (let ((wanted (if (fboundp 'gfm-view-mode) "markdown" "plaintext")))
          (histlint-test--record (format "hover on \"Trotsky\" returns a card in %s, as asked" wanted)
                                 (and (equal (plist-get contents :kind) wanted)
                                      (or (equal wanted "markdown")
                                          (not (string-search "**" (or text "")))))
                                 (format "%S" hover)))
        (histlint-test--record "the card gives 1879 and 1940"
                               (and text (string-search "1879" text) (string-search "1940" text))
                               text)))

    ;; The first diagnostic with a quickfix, applied as `M-x eglot-code-actions' does.
    (let (fixed-buffer fixed-text actions)
      (cl-loop for buffer in (list dates garbled)
               until actions
               do (with-current-buffer buffer
                    (cl-loop for diagnostic in (histlint-test--diagnostics buffer)
                             until actions
                             do (setq actions (eglot-code-actions
                                               (flymake-diagnostic-beg diagnostic)
                                               (flymake-diagnostic-end diagnostic)
                                               "quickfix")
                                      fixed-buffer buffer
                                      fixed-text (flymake-diagnostic-text diagnostic)))))
      (when (histlint-test--record "a quickfix is offered for a diagnostic" actions)
        (with-current-buffer fixed-buffer
          (let ((tick (buffer-modified-tick))
                (count-same (lambda ()
                              (cl-count fixed-text (histlint-test--diagnostics fixed-buffer)
                                        :key #'flymake-diagnostic-text :test #'equal))))
            (let ((before (funcall count-same)))
              (eglot--read-execute-code-action (list (car actions)) server "quickfix")
              (histlint-test--record (format "applying \"%s\" edits the buffer"
                                             (plist-get (car actions) :title))
                                     (/= tick (buffer-modified-tick)))
              (histlint-test--record "the fixed diagnostic is gone after re-analysis"
                                     (histlint-test--wait
                                      (lambda ()
                                        (histlint-test--refresh fixed-buffer)
                                        (< (funcall count-same) before)))
                                     fixed-text))))))

    ;; Shutdown by hand: eglot-shutdown kills the process right after `exit', so it would
    ;; hide the server's own exit status.
    (let ((process (jsonrpc--process server)))
      (setf (eglot--shutdown-requested server) t) ; no reconnecting after the exit
      (histlint-test--record "shutdown is answered"
                             (condition-case err
                                 (progn (jsonrpc-request server :shutdown nil) t)
                               (error (ignore (message "shutdown failed: %S" err)))))
      (jsonrpc-notify server :exit nil)
      (histlint-test--wait (lambda () (not (process-live-p process))) 5)
      (histlint-test--record "the server then exits with status 0"
                             (and (not (process-live-p process))
                                  (zerop (process-exit-status process)))
                             (format "%s %s" (process-status process)
                                     (process-exit-status process))))))

(condition-case err
    (histlint-test--run)
  (error (histlint-test--record "the Emacs test ran to the end" nil (error-message-string err))))
(kill-emacs 0)

;;; eglot_e2e.el ends here
