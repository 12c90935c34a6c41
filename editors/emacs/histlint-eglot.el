;;; histlint-eglot.el --- histlint diagnostics and hover cards through Eglot  -*- lexical-binding: t; -*-

;; Usage (Emacs 28 with elpa-eglot, or Emacs 29+ where Eglot is built in):
;;
;;   (add-to-list 'load-path "/path/to/histlint/editors/emacs")
;;   (require 'histlint-eglot)
;;   (histlint-eglot-setup)
;;
;; Settings for the server go in `eglot-workspace-configuration' under :histlint, e.g.
;;
;;   (setq-default eglot-workspace-configuration
;;                 '(:histlint (:rules (:source/* "off" :date/* "error"))))

;;; Commentary:

;; Registers `histlint lsp' with Eglot for Markdown and plain-text buffers, starts it in those
;; buffers, and makes a folder holding .histlint.json or .histlint/ the project root of the
;; prose files below it (Eglot runs one server per project; without such a folder the root is
;; the usual project.el one, e.g. the git checkout).

;;; Code:

(require 'eglot)
(require 'project)

(defgroup histlint nil
  "Historical-prose linter, through Eglot."
  :group 'tools
  :prefix "histlint-")

(defcustom histlint-program "histlint"
  "The histlint binary: a name looked up on `exec-path', or an absolute file name."
  :type 'string)

(defcustom histlint-major-modes '(markdown-mode gfm-mode text-mode)
  "Major modes whose buffers histlint checks.
`text-mode' matches only buffers in exactly that mode, not the many modes derived from it."
  :type '(repeat symbol))

(defun histlint--checked-buffer-p ()
  "Non-nil when the current buffer is one histlint checks."
  (or (eq major-mode 'text-mode)
      (apply #'derived-mode-p (remq 'text-mode histlint-major-modes))))

(defun histlint--config-root (dir)
  "The nearest folder from DIR upward holding .histlint.json or .histlint/, or nil."
  (locate-dominating-file
   dir (lambda (folder)
         (or (file-exists-p (expand-file-name ".histlint.json" folder))
             (file-directory-p (expand-file-name ".histlint" folder))))))

(defun histlint-project-find (dir)
  "A project.el finder: the histlint configuration root above DIR, for checked buffers only."
  (when (histlint--checked-buffer-p)
    (when-let ((root (histlint--config-root dir)))
      (cons 'transient (expand-file-name root)))))

(defun histlint--maybe-start ()
  "Start (or join) the histlint server for the current buffer when it is one we check."
  (when (and buffer-file-name (histlint--checked-buffer-p))
    (eglot-ensure)))

;;;###autoload
(defun histlint-eglot-setup ()
  "Register histlint with Eglot and start it in Markdown and plain-text buffers."
  ;; A function, so a later change of `histlint-program' applies to the next server started.
  ;; Eglot runs one server per buffer: this entry takes over these modes from other servers.
  (add-to-list 'eglot-server-programs
               `(,histlint-major-modes . ,(lambda (&rest _) (list histlint-program "lsp"))))
  ;; Before project.el's VC finder, so .histlint.json beats an enclosing git checkout.
  (add-hook 'project-find-functions #'histlint-project-find -50)
  (dolist (mode histlint-major-modes)
    (add-hook (intern (format "%s-hook" mode)) #'histlint--maybe-start)))

(provide 'histlint-eglot)
;;; histlint-eglot.el ends here
