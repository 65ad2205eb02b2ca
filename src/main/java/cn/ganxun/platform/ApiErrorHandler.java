package cn.ganxun.platform;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Turns refusals into JSON errors with Chinese messages that name the field or rule. */
@RestControllerAdvice(basePackages = "cn.ganxun")
class ApiErrorHandler {

    private final MultipartProperties multipart;

    ApiErrorHandler(MultipartProperties multipart) {
        this.multipart = multipart;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiError> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(new ApiError(400, e.getMessage(), e.problems()));
    }

    /** Task listeners wrap a refusal in the engine's own exception; unwrap it. */
    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ApiError> engine(ProcessEngineException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid(invalid);
            }
        }
        throw e;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        List<InvalidInputException.Problem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidInputException.Problem(error.getField(), error.getDefaultMessage()))
                .toList();
        String message = String.join("；", problems.stream().map(InvalidInputException.Problem::message).toList());
        return ResponseEntity.badRequest().body(new ApiError(400, message, problems));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(new ApiError(400, "请求格式错误：请检查字段类型和日期格式（yyyy-MM-dd）", List.of()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.badRequest().body(new ApiError(400, "上传文件过大：单个文件不能超过 "
                + multipart.getMaxFileSize().toMegabytes() + " MB", List.of()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError(404, e.getMessage(), List.of()));
    }

    @ExceptionHandler({AccessDeniedException.class, org.camunda.bpm.engine.AuthorizationException.class})
    ResponseEntity<ApiError> forbidden(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(new ApiError(403, e instanceof AccessDeniedException && e.getMessage() != null
                        && e.getMessage().startsWith("无权") ? e.getMessage() : "无权访问：您的角色不能执行此操作", List.of()));
    }

    record ApiError(int status, String message, List<InvalidInputException.Problem> errors) {
    }
}
